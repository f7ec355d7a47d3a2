"""Target checks: can each declared target be measured, and is it in the right place."""
