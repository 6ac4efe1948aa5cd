export { DEFAULT_DELIVERY, type DeliveryReport, type DeliverySettings } from './deliver.ts';
export { DeliveryError, maskEmail, maskPhone } from './delivery-error.ts';
export type { EmailSender, OutgoingEmail } from './email.ts';
export {
  DELIVER_QUEUE,
  defineNotificationJobs,
  KICK_WINDOW_SECONDS,
  kickDelivery,
  type NotificationOptions,
} from './notifications.jobs.ts';
export {
  type Channel,
  isTemplateName,
  type Rendered,
  render,
  TEMPLATES,
  type TemplateName,
  type TemplateParams,
} from './render.ts';
export { type E164, type SmsEncoding, type SmsGateway, smsEncoding, smsSegments } from './sms.ts';
