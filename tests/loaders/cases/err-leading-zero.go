error 2 3 invalid character '1' after object key:value pair
