error 1 6 invalid character '\t' in literal null (expecting 'l')
