error 0 0 yaml: found incompatible YAML document
