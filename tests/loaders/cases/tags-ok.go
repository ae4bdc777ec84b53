ok {"a":12,"b":31,"c":true}
