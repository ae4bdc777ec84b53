error 0 0 json: cannot unmarshal number 1e400 into Go value of type float64
