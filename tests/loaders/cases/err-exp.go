error 1 2 invalid character ' ' in exponent of numeric literal
