"""Places: candidates from the gazetteer over the whole text (candidates), scoring and resolution (resolve),
metonymy and focus (roles); the gazetteer and its GeoNames imports."""
