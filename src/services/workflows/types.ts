export const MAX_STEPS = 20
