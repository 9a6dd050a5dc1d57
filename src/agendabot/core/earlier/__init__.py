"""Earlier answers: what the cabinet answered before, for each new question."""
