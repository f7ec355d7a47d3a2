"""Text checks: template debris left in cells, goal and result texts copied, periods."""
