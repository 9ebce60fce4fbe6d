#!/usr/bin/env node
require('../dist/coach.cjs');
