/** A step as the owner defines it (API body, builder form). */
export interface StepDefinition {
  appId: string
  action: string
  connectionId: string
  /** Field key → template text, e.g. { title: '{{trigger.title}}' }. */
  input: Record<string, string>
}

export interface WorkflowDefinition {
  name: string
  steps: StepDefinition[]
}

export const MAX_STEPS = 20
