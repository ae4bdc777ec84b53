error 1 23 invalid character ':' in \u hexadecimal character escape
