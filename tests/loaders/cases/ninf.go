error 0 0 json: unsupported value: -Inf
