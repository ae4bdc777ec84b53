ok {"a":12,"b":null,"c":"12","d":true}
