error 0 0 yaml: cannot decode !!str `x` as a !!timestamp
