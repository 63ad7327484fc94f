"""GB/T 19580-2012 excellence scoring (pure scoring; knows nothing of the award)."""
