"""Places: candidates from the gazetteer over the whole text (candidates; words, native, mention), the
cues around each (annotate, lists, rejection), the article's context (context, bodies, nearby), the
score of a reading (scoring, footing, prominence), choosing one (choose) and the passes (resolve);
metonymy and focus (roles); the gazetteer and its GeoNames imports."""
