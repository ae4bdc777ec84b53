error 0 0 unsupported map key of type time.Time: 2001-01-02 00:00:00 +0000 UTC
