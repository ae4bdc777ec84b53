ok {"a":"hello","b":"hello","c":"\ufffd","d":"a\u0000b"}
