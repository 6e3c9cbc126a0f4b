from warta.cli.main import main

raise SystemExit(main())
