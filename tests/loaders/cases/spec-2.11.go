error 6 0 yaml: unmarshal errors:\n  line 6: mapping key "" already defined at line 1
