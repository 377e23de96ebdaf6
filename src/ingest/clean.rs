//! Page chrome: site menus, copyright lines, editor credits, ads, captions.
