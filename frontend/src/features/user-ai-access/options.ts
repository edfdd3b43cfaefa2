/** Plans and provider settings the dialogs offer; the page that shows this feature supplies them. */
export interface PlanOption {
  id: number;
  name: string;
  display_name: string;
  is_active: boolean;
}

export interface SettingOption {
  id: number;
  name: string;
  model_name: string;
  is_active: boolean;
}
