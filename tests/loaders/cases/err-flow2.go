error 1 0 yaml: line 1: did not find expected ',' or ']'
