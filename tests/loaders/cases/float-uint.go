error 0 0 yaml: cannot decode !!int `18446744073709551615` as a !!float
