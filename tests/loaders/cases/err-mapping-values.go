error 2 0 yaml: line 2: mapping values are not allowed in this context
