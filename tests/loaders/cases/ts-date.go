ok {"annotations":{"built":"2024-05-01T00:00:00Z"},"hostname":"2001-12-14T00:00:00Z"}
