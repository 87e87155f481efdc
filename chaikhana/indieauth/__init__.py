"""IndieAuth: each blog's address signs in to Micropub apps, with the writer's consent."""
