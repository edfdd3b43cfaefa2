export interface PromptLogEntry {
  id: number;
  member_id: number;
  session_id: string;
  client_id: string | null;
  context: string;
  user_prompt: string | null;
  ai_response: string | null;
  source: 'app' | 'api' | 'client';
  timestamp: string;
}

export interface PromptSession {
  member_id: number;
  session_id: string;
  count: number;
  start: string;
  end: string;
}
