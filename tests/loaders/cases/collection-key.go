error 0 0 yaml: invalid map key: []interface {}{"a"}
