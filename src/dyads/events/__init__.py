"""Events: codebook, verb and noun patterns, the coder, modality and recoding."""
