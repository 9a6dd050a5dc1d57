from agendabot.cli import main

raise SystemExit(main())
