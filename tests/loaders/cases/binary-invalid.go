error 0 0 yaml: !!binary value contains invalid base64 data
