error 1 4 invalid character ']' after decimal point in numeric literal
