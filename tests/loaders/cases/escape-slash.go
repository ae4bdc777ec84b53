error 2 0 yaml: line 2: found unknown escape character
