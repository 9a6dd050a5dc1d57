"""New written Kamervragen: open sets, their answer deadline, postponements and answers."""
