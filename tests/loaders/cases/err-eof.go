error 1 19 unexpected end of JSON input
