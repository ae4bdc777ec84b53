error 3 1 invalid character ']' looking for beginning of value
