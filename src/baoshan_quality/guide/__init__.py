"""DB31113/Z 005—2022, the Guide: one module per clause group."""
