"""Events: who moved, trained, attacked or killed whom, how many, from where to where. The finder (find),
roles over the parse (roles), places (places), casualties, headline marks and the event lexicon."""
