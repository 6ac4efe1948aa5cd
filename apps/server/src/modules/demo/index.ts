export { seedDemoRegister } from './demo-register.ts';
