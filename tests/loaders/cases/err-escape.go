error 1 4 invalid character 'x' in string escape code
