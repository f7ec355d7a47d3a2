"""Tree checks: the groups a rule set requires, a cost indicator, indicators said twice."""
