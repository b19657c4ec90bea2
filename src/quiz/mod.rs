//! The interactive quiz (`attune take`): being built in its own issue.
