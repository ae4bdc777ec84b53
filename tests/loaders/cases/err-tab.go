error 2 0 yaml: line 2: found character that cannot start any token
