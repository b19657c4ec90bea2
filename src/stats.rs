//! Item analysis for questionnaire authors (`attune stats`): being built in its own issue.
