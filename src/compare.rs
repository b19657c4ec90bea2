//! Two people's results side by side (`attune compare`): being built in its own issue.
