"""Jobs: the scheduler, the exactly-once digest sender and its config."""
