"""Operations: fault drill, hostile corpus, benchmarks, demo seeding and the process helpers they share."""
