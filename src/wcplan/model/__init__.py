"""The plan's model: the plan and its indicators (plan, planfile), the tasks, lines of work and
commitments (tasks, tasksfile), periods within a year, measurement units, and the records that
readers produce (an indicator's actual, a row of task progress). The files' records are built
without pydantic when their data is plainly valid (strict); pydantic's schema (schema) decides
the rest, and gives the messages.

Imports wcplan.base only: the readers, the rules and the renderers all build on it.
"""
